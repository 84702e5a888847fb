package org.wfm.scheduler.staffing;

/**
 * Queue figures for one interval staffed with {@code agents}.
 *
 * @param agents       agents on the channel (for chat: agents, each with {@code concurrency} slots)
 * @param serviceLevel share of all arriving contacts answered within the answer time; abandoned contacts
 *                     count as not answered in time; 1 when nothing arrives
 * @param asaSeconds   mean wait of answered contacts, those answered at once counting 0; +∞ when an
 *                     Erlang C queue is unstable (load ≥ servers), since the queue then grows without bound
 * @param occupancy    share of server time busy with contacts (carried load ÷ servers), 0..1; 0 without agents
 * @param abandonment  share of arriving contacts that hang up before being answered; 0 under Erlang C
 */
public record StaffingResult(int agents, double serviceLevel, double asaSeconds, double occupancy,
                             double abandonment) {
}

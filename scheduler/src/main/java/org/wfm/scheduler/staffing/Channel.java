package org.wfm.scheduler.staffing;

/**
 * A channel of channels.yaml. Unset optional numbers are NaN ({@code patienceSeconds}, {@code maxOccupancy},
 * {@code responseHours}); {@code concurrency} is 1 unless the channel is concurrent; {@code shrinkage}
 * is the channel's own or the file's default.
 */
public record Channel(String name, ChannelKind kind, double serviceLevel, double answerSeconds,
                      double patienceSeconds, double maxOccupancy, double ahtSeconds, int concurrency,
                      double responseHours, double shrinkage) {

    public boolean hasServiceTarget() {
        return kind != ChannelKind.DEFERRED;
    }
}

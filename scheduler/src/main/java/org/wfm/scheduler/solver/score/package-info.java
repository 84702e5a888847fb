/**
 * The scheduling rules as OptaPlanner constraint streams, one method per rule, and their names
 * ({@link org.wfm.scheduler.solver.model.ConstraintName}), which the evaluator's violations use too. What each
 * rule computes is defined once in {@code solver.model} ({@code ShiftRules}, {@code AgentRules},
 * {@code ContractRules}, {@code SeatRules}, {@code PayRules}); a stream only groups and weighs.
 *
 * <h2>Constraint catalogue</h2>
 * Each constraint is pinned by the test of the same name in {@code ScheduleConstraintProviderTest} (a
 * penalizing case with its weight worked by hand and a zero case); the hard ones are also checked against the
 * evaluator by {@code ScoreEvaluatorAgreementTest}.
 * <table>
 * <caption>Constraints: name (as in summary.json), level, unit of one match weight, pinning test</caption>
 * <tr><th>Name</th><th>Level</th><th>Unit</th><th>Test</th></tr>
 * <tr><td>Shift within the agent's availability</td><td>hard</td><td>minute outside the window (whole shift on
 *   an unavailable day)</td><td>availability, availabilityOnAnUnavailableDay</td></tr>
 * <tr><td>No shift during time off</td><td>hard</td><td>minute of overlap</td><td>timeOff</td></tr>
 * <tr><td>Weekly hours at most the contract's</td><td>hard</td><td>paid minute over</td>
 *   <td>weeklyHoursMax</td></tr>
 * <tr><td>Weekly hours at least the contract's</td><td>hard</td><td>paid minute short</td>
 *   <td>weeklyHoursMin, weeklyHoursMinLoweredByAWholeDayOff</td></tr>
 * <tr><td>Allowed shift length and start step</td><td>hard</td><td>rule broken (0-2 per shift)</td>
 *   <td>shiftLengthAndStart</td></tr>
 * <tr><td>Minimum rest between shifts</td><td>hard</td><td>minute of rest missing, per pair of shifts</td>
 *   <td>minimumRest</td></tr>
 * <tr><td>Minimum rest after the published schedule</td><td>hard</td><td>minute of rest missing</td>
 *   <td>restAfterPublishedSchedule</td></tr>
 * <tr><td>Maximum consecutive working days</td><td>hard</td><td>day beyond the limit, 1,440 each</td>
 *   <td>maxConsecutiveDays</td></tr>
 * <tr><td>Maximum days per week</td><td>hard</td><td>day beyond the limit, 1,440 each</td>
 *   <td>maxDaysPerWeek</td></tr>
 * <tr><td>Breaks and lunch by the rules</td><td>hard</td><td>shift</td><td>breaksAndLunch</td></tr>
 * <tr><td>Training hours at most the weekly maximum</td><td>hard</td><td>training minute over</td>
 *   <td>trainingHoursMax</td></tr>
 * <tr><td>Seats per site</td><td>hard</td><td>agent over the seats, per interval (an agent once)</td>
 *   <td>seatsPerSite, seatsPerSiteCountsAnAgentOnce</td></tr>
 * <tr><td>Skill for the channel worked</td><td>hard</td><td>minute worked without the skill</td>
 *   <td>skillForChannel</td></tr>
 * <tr><td>Late contacts with nobody scheduled</td><td>medium (cover)</td><td>milli-contact</td>
 *   <td>lateContacts</td></tr>
 * <tr><td>Late contacts avoided by the staff scheduled</td><td>medium (cover), reward</td><td>milli-contact</td>
 *   <td>lateContactsAvoided</td></tr>
 * <tr><td>Starved intervals with nobody scheduled</td><td>medium (cover)</td><td>milli-contact of
 *   spread × E0 × shortfall² ({@code Demand#starvation})</td><td>starvedIntervals</td></tr>
 * <tr><td>Starved intervals relieved by the staff scheduled</td><td>medium (cover), reward</td><td>milli-contact
 *   of the same term</td><td>starvedIntervalsRelieved</td></tr>
 * <tr><td>Late contacts with nobody scheduled, priced</td><td>soft (balance)</td><td>cent</td>
 *   <td>lateContactsPriced</td></tr>
 * <tr><td>Late contacts avoided by the staff scheduled, priced</td><td>soft (balance), reward</td><td>cent</td>
 *   <td>lateContactsPricedAvoided</td></tr>
 * <tr><td>Starved intervals with nobody scheduled, priced</td><td>soft (balance)</td><td>cent</td>
 *   <td>starvedIntervalsPriced</td></tr>
 * <tr><td>Starved intervals relieved by the staff scheduled, priced</td><td>soft (balance), reward</td>
 *   <td>cent</td><td>starvedIntervalsPricedRelieved</td></tr>
 * <tr><td>Wages</td><td>soft</td><td>cent</td><td>wages</td></tr>
 * <tr><td>Overtime</td><td>soft</td><td>cent (supplement only)</td><td>overtime</td></tr>
 * <tr><td>On-demand premium</td><td>soft</td><td>cent</td><td>onDemandPremium</td></tr>
 * <tr><td>Training toward development goals</td><td>soft, reward</td><td>cent (half the wage, up to the goal)</td>
 *   <td>developmentTraining</td></tr>
 * <tr><td>No training beyond the goal</td><td>soft</td><td>cent (the wage)</td><td>trainingBeyondGoal</td></tr>
 * <tr><td>Training in troughs</td><td>soft, reward</td><td>cent</td><td>trainingInTroughs</td></tr>
 * <tr><td>Hybrid agents on site unless seats are short</td><td>soft</td><td>day at home (1 cent)</td>
 *   <td>hybridAtHome</td></tr>
 * <tr><td>Similar start times across days</td><td>soft</td><td>cent per minute of difference</td>
 *   <td>similarStartTimes</td></tr>
 * <tr><td>Fair share of unpopular shifts</td><td>soft</td><td>50 cents × (unpopular shifts of an agent)²</td>
 *   <td>unpopularShiftsShare</td></tr>
 * <tr><td>Published days kept</td><td>medium (cover)</td><td>replan change cost per changed day, in
 *   milli-contacts ({@code PlanContext#changePenalty})</td><td>publishedDayChanged</td></tr>
 * <tr><td>Published days kept, priced</td><td>soft (balance)</td><td>replan change cost per changed day, in
 *   cents</td><td>publishedDayChangedPriced</td></tr>
 * <tr><td>Preferred shift times</td><td>soft</td><td>cent: the wish's price × share of the shift outside the
 *   window ({@code PreferenceRules})</td><td>preferredShiftTimes</td></tr>
 * <tr><td>Times an agent asked to avoid left free</td><td>soft</td><td>cent: the wish's price × share of the
 *   window worked</td><td>avoidedTimesFree</td></tr>
 * <tr><td>Requested days off given</td><td>soft</td><td>cent: the wish's price per day worked</td>
 *   <td>requestedDaysOff</td></tr>
 * <tr><td>Days off of the agent's pattern</td><td>hard</td><td>minute worked on a hard pattern's day off
 *   ({@code PatternRules}; such days are also left out of the agent's shift choices)</td><td>patternDaysOff</td></tr>
 * <tr><td>Days off of the agent's pattern, priced</td><td>soft</td><td>cent: the soft pattern's weight per day
 *   worked</td><td>patternDaysOffPriced</td></tr>
 * <tr><td>Weekends shared fairly across runs</td><td>soft</td><td>cent: price × ((carried + c)² − carried²)
 *   ({@code FairnessRules})</td><td>fairWeekends</td></tr>
 * <tr><td>Late shifts shared fairly across runs</td><td>soft</td><td>cent: the same for late shifts</td>
 *   <td>fairLateShifts</td></tr>
 * </table>
 * The evaluator also reports two hard problems of schedule rows that the planning model cannot have, so no
 * constraint carries them: "Unknown agent" and "Shift starts on its date" ({@code ScheduleEvaluatorTest}).
 */
package org.wfm.scheduler.solver.score;

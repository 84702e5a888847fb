/**
 * Readers of the configuration inputs (channels.yaml, rules.yaml, agents.csv, timeoff.csv, plan.yaml):
 * adapters at the edge that turn files into the domain records of the scheduler.
 *
 * <p>Every reader collects all problems of a file and throws one
 * {@link org.wfm.forecast.io.InputException} naming file, line (the CSV header and the first YAML line are
 * line 1), column (a CSV column name or a YAML key path such as {@code channels.voice.aht_seconds}) and
 * what was expected. Non-fatal observations (an extra column ignored, a default taken) go to a
 * {@link org.wfm.cli.io.Notes} sink the caller passes in. Parsing is done by commons-csv and Jackson YAML;
 * this package only validates values and maps them.
 *
 * <p>Files are read whole (at most {@value org.wfm.cli.io.TextInput#MAX_BYTES} bytes), decoded strictly as
 * UTF-8 (a byte-order mark is skipped), so binary or wrongly encoded files are reported instead of being
 * read as garbage.
 */
package org.wfm.cli.io;

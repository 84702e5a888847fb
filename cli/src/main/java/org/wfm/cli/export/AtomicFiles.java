package org.wfm.cli.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.wfm.cli.output.AtomicOutput;

/**
 * Writes one file of the export (the workbook, a chart) through {@link AtomicOutput}: under a temporary name beside
 * it, renamed when complete, removed if the run fails or is stopped (SIGTERM) before that. Being registered with
 * AtomicOutput is what keeps a stopped {@code wfm export} from leaving an empty temporary file behind.
 */
final class AtomicFiles {
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    static Path write(Path target, Body body) {
        Path tmp = AtomicOutput.tempFileFor(target);
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            AtomicOutput.commit(tmp, target);
            return target;
        } catch (IOException e) {
            AtomicOutput.discard(tmp);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            AtomicOutput.discard(tmp);
            throw e;
        }
    }
}

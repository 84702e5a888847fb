package org.wfm.cli.service;

import java.nio.file.Files;
import java.nio.file.Path;

import org.wfm.forecast.io.InputException;

/** Checks shared by every command before it reads an input file (exit 3 when the file is not usable). */
public final class InputFiles {
    private InputFiles() {
    }

    public static Path requireFile(Path p, String option) {
        if (p == null) {
            throw org.wfm.cli.WfmException.usage(option + " is required");
        }
        String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        if (!Files.exists(p)) {
            throw new InputException(name, 0, null, "file not found: " + p + " (given by " + option + ")");
        }
        if (Files.isDirectory(p)) {
            throw new InputException(name, 0, null, "is a folder, expected a file (given by " + option + ")");
        }
        if (!Files.isReadable(p)) {
            throw new InputException(name, 0, null, "cannot be read (permission denied)");
        }
        return p;
    }

    public static Path requireDir(Path p, String option) {
        if (p == null) {
            throw org.wfm.cli.WfmException.usage(option + " is required");
        }
        if (!Files.isDirectory(p)) {
            throw new InputException(p.toString(), 0, null, Files.exists(p)
                    ? "is a file, expected a run folder (given by " + option + ")"
                    : "folder not found (given by " + option + ")");
        }
        return p;
    }
}

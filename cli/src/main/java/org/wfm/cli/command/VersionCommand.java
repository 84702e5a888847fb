package org.wfm.cli.command;

import org.springframework.shell.standard.ShellComponent;
import org.springframework.shell.standard.ShellMethod;
import org.wfm.cli.service.Version;

/** {@code wfm version} (also {@code wfm --version}): the version summary.json records. */
@ShellComponent
public class VersionCommand {

    @ShellMethod(key = "version", value = "Print wfm's version.")
    public String version() {
        return "wfm " + Version.get();
    }
}

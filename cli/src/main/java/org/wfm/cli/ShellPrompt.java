package org.wfm.cli;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.springframework.shell.jline.PromptProvider;
import org.springframework.stereotype.Component;

/** The interactive shell's prompt names the tool ("wfm:>"), not the framework's default "shell:>". */
@Component
public class ShellPrompt implements PromptProvider {
    @Override
    public AttributedString getPrompt() {
        return new AttributedString("wfm:> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
    }
}

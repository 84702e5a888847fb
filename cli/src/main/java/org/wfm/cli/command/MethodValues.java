package org.wfm.cli.command;

import java.util.ArrayList;
import java.util.List;

import org.springframework.shell.CompletionContext;
import org.springframework.shell.CompletionProposal;
import org.springframework.shell.standard.ValueProvider;
import org.springframework.stereotype.Component;
import org.wfm.forecast.ForecastEngine;

/** Tab completion of forecasting method names. */
@Component
public class MethodValues implements ValueProvider {
    @Override
    public List<CompletionProposal> complete(CompletionContext context) {
        List<CompletionProposal> out = new ArrayList<>();
        out.add(new CompletionProposal("auto"));
        ForecastEngine.methodNames().forEach(m -> out.add(new CompletionProposal(m)));
        return out;
    }
}

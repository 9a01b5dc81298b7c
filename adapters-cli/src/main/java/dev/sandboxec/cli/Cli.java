package dev.sandboxec.cli;

import picocli.CommandLine;

/** The picocli configuration shared by main and the tests. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine commandLine(SandboxecCommand command) {
        ExitCodes exitCodes = new ExitCodes();
        CommandLine commandLine = new CommandLine(command);
        // Everything from the command name on belongs to the command: its own
        // options must never be parsed as sandboxec's.
        commandLine.setStopAtPositional(true);
        commandLine.setExitCodeExceptionMapper(exitCodes);
        commandLine.setExecutionExceptionHandler(exitCodes);
        commandLine.setParameterExceptionHandler(exitCodes);
        commandLine.setExpandAtFiles(false);
        return commandLine;
    }
}

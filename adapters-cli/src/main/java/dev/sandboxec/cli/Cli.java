package dev.sandboxec.cli;

import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParameterException;

/** The picocli configuration shared by main and the tests. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine commandLine(SandboxecCommand command) {
        ExitCodes exitCodes = new ExitCodes();
        CommandLine commandLine = new CommandLine(CommandModel.spec());
        commandLine.setExecutionStrategy(parsed -> {
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
            try {
                return command.run(parsed, commandLine);
            } catch (ParameterException | ExecutionException e) {
                throw e;
            } catch (Exception e) {
                throw new ExecutionException(commandLine, String.valueOf(e.getMessage()), e);
            }
        });
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

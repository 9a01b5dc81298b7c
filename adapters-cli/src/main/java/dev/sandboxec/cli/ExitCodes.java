package dev.sandboxec.cli;

import dev.sandboxec.cli.config.ConfigException;
import dev.sandboxec.domain.policy.InvalidRuleException;
import dev.sandboxec.domain.run.SandboxException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become exit codes and one-line messages, as
 * the coreutils wrappers (env, nice, timeout) do: 125 sandboxec failed, 126
 * command found but not executable, 127 command not found.
 */
public final class ExitCodes implements IExitCodeExceptionMapper, IExecutionExceptionHandler,
        IParameterExceptionHandler {
    public static final int FAILED = 125;
    public static final int CANNOT_EXECUTE = 126;
    public static final int NOT_FOUND = 127;

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof SandboxException sandbox) {
            return switch (sandbox.reason()) {
                case SETUP -> FAILED;
                case CANNOT_EXECUTE -> CANNOT_EXECUTE;
                case NOT_FOUND -> NOT_FOUND;
            };
        }
        return FAILED;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        String message = exception instanceof SandboxException || exception instanceof InvalidRuleException
                || exception instanceof ConfigException
                ? exception.getMessage()
                : "internal error: " + exception;
        print(commandLine.getErr(), message);
        return getExitCode(exception);
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        String message = exception.getCause() instanceof InvalidRuleException rule ? rule.getMessage()
                : exception.getMessage();
        print(exception.getCommandLine().getErr(), message + " (see sandboxec --help)");
        return FAILED;
    }

    private static void print(PrintWriter err, String message) {
        err.println("sandboxec: " + message.replace('\n', ' '));
        err.flush();
    }
}

package dev.sandboxec.cli.wiring;

import com.google.inject.Guice;
import com.google.inject.Stage;
import dev.sandboxec.adapters.linux.ProcessCommandLine;
import dev.sandboxec.cli.Cli;
import dev.sandboxec.cli.SandboxecCommand;

/** The composition root: Guice wires the ports, picocli runs the command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        SandboxecCommand command = Guice.createInjector(Stage.PRODUCTION, new SandboxecModule())
                .getInstance(SandboxecCommand.class);
        System.exit(Cli.commandLine(command).execute(ProcessCommandLine.asUtf8(args)));
    }
}

package dev.sandboxec.cli.docs;

import dev.sandboxec.cli.Cli;
import dev.sandboxec.cli.SandboxecCommand;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step: the bash/zsh completion script and the man page's AsciiDoc
 * source, both from the same picocli model the CLI runs with. The model needs
 * no kernel, so the ports are null.
 * Usage: GenerateDocs COMPLETION_FILE MANPAGE_ADOC_FILE
 */
public final class GenerateDocs {
    private GenerateDocs() {
    }

    public static void main(String[] args) throws IOException {
        CommandLine commandLine = Cli.commandLine(new SandboxecCommand(null, null, null));
        AutoComplete.bash("sandboxec", new File(args[0]), null, commandLine);
        Path manPage = Path.of(args[1]);
        Files.createDirectories(manPage.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(manPage, StandardCharsets.UTF_8))) {
            ManPageGenerator.writeSingleManPage(out, commandLine.getCommandSpec());
        }
    }
}

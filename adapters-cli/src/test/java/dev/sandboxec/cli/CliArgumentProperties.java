package dev.sandboxec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.sandboxec.domain.port.Environment;
import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.FileSystem.PathKind;
import dev.sandboxec.domain.port.Kernel;
import dev.sandboxec.domain.port.LandlockException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;

/** Whatever a user types, the CLI answers with an exit code and at most one line per error, never a crash. */
class CliArgumentProperties {
    private final Kernel kernel = mock(Kernel.class);
    private final FileSystem fileSystem = mock(FileSystem.class);
    private final Environment environment = mock(Environment.class);

    CliArgumentProperties() throws LandlockException {
        when(kernel.abiVersion()).thenReturn(7);
        when(kernel.createRuleset(anyLong(), anyLong(), anyLong(), any())).thenReturn(3);
        when(fileSystem.kind(anyString())).thenReturn(PathKind.DIRECTORY);
        when(fileSystem.isExecutableFile(anyString())).thenReturn(true);
        when(environment.variable(anyString())).thenReturn(Optional.empty());
        when(environment.variable("PATH")).thenReturn(Optional.of("/usr/bin"));
        when(environment.home()).thenReturn(Optional.of("/home/me"));
    }

    @Property(tries = 10_000)
    void everyArgumentListGetsAnExitCodeAndClearErrors(@ForAll("argumentLists") List<String> args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Cli.commandLine(new SandboxecCommand(kernel, fileSystem, environment));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));

        int code = commandLine.execute(args.toArray(new String[0]));

        assertThat(code).isIn(0, 125, 126, 127);
        assertThat(err.toString()).doesNotContain("internal error").doesNotContain("Exception");
        err.toString().lines().forEach(line -> assertThat(line).startsWith("sandboxec: "));
    }

    @Provide
    Arbitrary<List<String>> argumentLists() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("--fs", "-f", "--net", "-n", "--abi", "--best-effort", "--no-best-effort",
                        "--ignore-if-missing", "--restrict-scoped", "--dry-run", "--output", "json", "text", "-v",
                        "--", "-C", "base", "--list-profiles", "rx:/usr", "c:443", "c:-1", "x:/", "rw:$X",
                        "/usr/bin/true", "true", "--fs=r:/etc", "--abi=-3", "-fn", "-vV", "--config", "-c",
                        "/no/such.yaml", "7", "99999999999", ""),
                Arbitraries.strings().ofMaxLength(10));
        return word.list().ofMaxSize(8);
    }
}

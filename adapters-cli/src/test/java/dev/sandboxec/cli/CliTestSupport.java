package dev.sandboxec.cli;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

import dev.sandboxec.domain.port.Environment;
import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.FileSystem.PathKind;
import dev.sandboxec.domain.port.Kernel;
import dev.sandboxec.domain.port.LandlockException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;
import picocli.CommandLine;

/** The CLI wired to Mockito ports, as the tests of the command line use it: no kernel needed. */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
abstract class CliTestSupport {
    @Mock
    Kernel kernel;
    @Mock
    FileSystem fileSystem;
    @Mock
    Environment environment;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void kernelWithAbi7() throws LandlockException {
        given(kernel.abiVersion()).willReturn(7);
        given(kernel.createRuleset(anyLong(), anyLong(), anyLong(), any())).willReturn(3);
        given(fileSystem.kind(anyString())).willReturn(PathKind.DIRECTORY);
    }

    int execute(String... args) {
        CommandLine commandLine = Cli.commandLine(new SandboxecCommand(kernel, fileSystem, environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    void assertNeverStarted() throws LandlockException {
        then(kernel).should(never()).restrictSelfAndExec(anyInt(), anyBoolean(), anyString(), anyList());
    }
}

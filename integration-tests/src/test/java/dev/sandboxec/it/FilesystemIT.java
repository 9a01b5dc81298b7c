package dev.sandboxec.it;

import static dev.sandboxec.it.Sandboxec.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sandboxec.it.Sandboxec.Result;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Filesystem rights enforced by the kernel, checked by what really happened on disk. */
class FilesystemIT extends TreeFixture {
    private Result sh(String script, String... rules) {
        String[] args = new String[rules.length * 2 + 6];
        int i = 0;
        args[i++] = "--fs";
        args[i++] = "rx:/usr";
        for (String rule : rules) {
            args[i++] = "--fs";
            args[i++] = rule;
        }
        args[i++] = "--";
        args[i++] = "/usr/bin/sh";
        args[i++] = "-c";
        args[i] = script;
        return run(args);
    }

    @Test
    void readWriteDirectoryAllowsCreateWriteAndRename() throws IOException {
        Result result = sh("cd '" + rw + "' && mkdir d && echo data > d/f && mv d/f d/g && cat d/g", "rw:" + rw);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("data\n");
        assertThat(Files.readString(rw.resolve("d/g"))).isEqualTo("data\n");
        assertThat(rw.resolve("d/f")).doesNotExist();
    }

    @Test
    void readOnlyDirectoryDeniesCreate() {
        Result result = sh("echo x > '" + ro + "/new'", "r:" + ro);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("Permission denied");
        assertThat(ro.resolve("new")).doesNotExist();
    }

    @Test
    void truncateNeedsWrite() throws IOException {
        Result denied = sh("/usr/bin/truncate -s 0 '" + ro + "/file'", "r:" + ro);
        assertThat(denied.exitCode()).isNotZero();
        assertThat(Files.readString(ro.resolve("file"))).isEqualTo("read-only content");

        Result allowed = sh("/usr/bin/truncate -s 0 '" + ro + "/file'", "rw:" + ro);
        assertThat(allowed.exitCode()).isZero();
        assertThat(ro.resolve("file")).isEmptyFile();
    }

    @Test
    void ruleOnAFileCoversThatFileOnly() throws IOException {
        Files.writeString(ro.resolve("other"), "other");

        Result allowed = sh("cat '" + ro + "/file'", "r:" + ro.resolve("file"));
        Result denied = sh("cat '" + ro + "/other'", "r:" + ro.resolve("file"));

        assertThat(allowed.stdout()).isEqualTo("read-only content");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("Permission denied");
    }

    @Test
    void symlinkInsideAnAllowedDirectoryDoesNotOpenItsTargetOutside() throws IOException {
        Files.createSymbolicLink(rw.resolve("link"), outside.resolve("secret"));

        Result result = sh("cat '" + rw + "/link'", "rw:" + rw);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout()).doesNotContain("secret");
        assertThat(result.stderr()).contains("Permission denied");
    }

    @Test
    void hardLinkToAFileElsewhereCannotBeMade() {
        Result result = sh("ln '" + outside + "/secret' '" + rw + "/stolen'", "rw:" + rw);

        assertThat(result.exitCode()).isNotZero();
        assertThat(rw.resolve("stolen")).doesNotExist();
    }

    @Test
    void crossDirectoryRenameInsideAReadWriteTreeWorksWithANetworkRule() throws IOException {
        Files.createDirectories(rw.resolve("a"));
        Files.createDirectories(rw.resolve("b"));
        Files.writeString(rw.resolve("a/f"), "moved");

        Result result = run("--fs", "rx:/usr", "--fs", "rw:" + rw, "--net", "c:443", "--", "/usr/bin/mv",
                rw.resolve("a/f").toString(), rw.resolve("b/f").toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(rw.resolve("b/f")).hasContent("moved");
        assertThat(rw.resolve("a/f")).doesNotExist();
    }

    @Test
    void renameOutOfTheTreeIsRefused() throws IOException {
        Files.writeString(rw.resolve("f"), "stay");

        Result result = sh("mv '" + rw + "/f' '" + outside + "/f'", "rw:" + rw, "r:" + outside);

        assertThat(result.exitCode()).isNotZero();
        assertThat(rw.resolve("f")).hasContent("stay");
        assertThat(outside.resolve("f")).doesNotExist();
    }
}

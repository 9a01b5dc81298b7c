package dev.sandboxec.cli.docs;

import dev.sandboxec.cli.SandboxecCommand;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Lets picocli's own generators (bash/zsh completion, man page) build the
 * command model at build time: the model needs no kernel, so the ports are null.
 */
public final class DocsFactory implements IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == SandboxecCommand.class) {
            return type.cast(new SandboxecCommand(null, null, null));
        }
        return CommandLine.defaultFactory().create(type);
    }
}

package dev.sandboxec.cli.wiring;

import com.google.inject.AbstractModule;
import dev.sandboxec.cli.SandboxecCommand;
import dev.sandboxec.adapters.linux.HostEnvironment;
import dev.sandboxec.adapters.linux.HostFileSystem;
import dev.sandboxec.adapters.linux.LandlockKernel;
import dev.sandboxec.domain.port.Environment;
import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.Kernel;
import java.lang.reflect.Constructor;

/**
 * Binds the domain's ports to their Linux adapters, and the command to its
 * constructor. Bindings are explicit, with no {@code @Inject} for Guice to
 * discover: reading an annotation reflectively makes the JVM spin a proxy
 * class, which costs milliseconds on a process that lives a tenth of a second.
 */
final class SandboxecModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Kernel.class).toConstructor(constructor(LandlockKernel.class));
        bind(FileSystem.class).toConstructor(constructor(HostFileSystem.class));
        bind(Environment.class).toConstructor(constructor(HostEnvironment.class));
        bind(SandboxecCommand.class).toConstructor(
                constructor(SandboxecCommand.class, Kernel.class, FileSystem.class, Environment.class));
    }

    private static <T> Constructor<T> constructor(Class<T> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("no public constructor " + type.getName() + " for Guice", e);
        }
    }
}

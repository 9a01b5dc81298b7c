package dev.sandboxec.cli.wiring;

import com.google.inject.AbstractModule;
import dev.sandboxec.adapters.linux.HostEnvironment;
import dev.sandboxec.adapters.linux.HostFileSystem;
import dev.sandboxec.adapters.linux.LandlockKernel;
import dev.sandboxec.domain.port.Environment;
import dev.sandboxec.domain.port.FileSystem;
import dev.sandboxec.domain.port.Kernel;

/** Binds the domain's ports to their Linux adapters. */
final class SandboxecModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Kernel.class).to(LandlockKernel.class);
        bind(FileSystem.class).to(HostFileSystem.class);
        bind(Environment.class).to(HostEnvironment.class);
    }
}

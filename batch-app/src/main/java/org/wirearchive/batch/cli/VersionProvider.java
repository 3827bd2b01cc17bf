package org.wirearchive.batch.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "development" when run from classes). */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = WirearchiveCli.class.getPackage().getImplementationVersion();
        return new String[] {"wirearchive " + (v == null ? "development" : v)};
    }
}

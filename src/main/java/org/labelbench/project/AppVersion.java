package org.labelbench.project;

/** The running app's version, recorded in provenance (import batches, created-by). */
public final class AppVersion {
    private AppVersion() {
    }

    public static String current() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return "labelbench " + (version == null ? "dev" : version);
    }
}

package org.labelbench.cli;

import picocli.CommandLine.Option;

/** The --json switch every command shares. */
final class JsonOption {
    @Option(names = "--json", description = "Machine-readable JSON on stdout.")
    boolean json;
}

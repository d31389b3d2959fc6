package dev.partop.cli;

import dev.partop.view.widget.Format;

import dev.partop.headless.JsonLinesPrinter;
import dev.partop.record.Recording;
import dev.partop.record.RecordingException;
import dev.partop.record.ResultsTable;
import dev.partop.record.SnapshotLogReader;
import dev.partop.snapshot.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code partop report run.partop}: the results table of a recording, for slides. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Prints the results table of a recording (made with --save) as Markdown, CSV or JSON.")
final class ReportCommand implements Callable<Integer> {

    enum Format { md, csv, json }

    @Parameters(paramLabel = "FILE", description = "A recording made with --save.")
    Path file;

    @Option(names = "--format", defaultValue = "md", description = "md, csv or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        Recording r;
        try {
            r = SnapshotLogReader.read(file);
        } catch (RecordingException e) {
            throw new UserError(e.getMessage(), "record a run with: partop SCENARIO --save run.partop");
        }
        System.out.print(render(r, format));
        return ExitCodes.OK;
    }

    static String render(Recording r, Format format) throws Exception {
        return switch (format) {
            case md -> ResultsTable.markdown(r.header(), r.results());
            case csv -> ResultsTable.csv(r.header(), r.results());
            case json -> Json.mapper().writeValueAsString(JsonLinesPrinter.summary(r.results())) + "\n";
        };
    }
}

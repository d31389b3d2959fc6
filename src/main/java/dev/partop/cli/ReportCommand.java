package dev.partop.cli;

import dev.partop.headless.JsonLinesPrinter;
import dev.partop.record.HtmlReport;
import dev.partop.record.Recording;
import dev.partop.record.RecordingException;
import dev.partop.record.ResultsTable;
import dev.partop.record.RunTimeline;
import dev.partop.record.SnapshotLogReader;
import dev.partop.record.SvgReport;
import dev.partop.record.Theme;
import dev.partop.snapshot.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code partop report run.partop}: the results of a recording for slides, as a table or a picture. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Prints the results of a recording (made with --save): a table (md, csv, json), "
                + "a picture for a slide (svg) or an interactive page (html).")
final class ReportCommand implements Callable<Integer> {

    enum Format {
        md, csv, json, svg, html;

        /** The format a file's extension names, or null. */
        static Format ofFile(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            for (Format f : values()) if (f.name().equals(ext)) return f;
            return null;
        }
    }

    @Parameters(paramLabel = "FILE", description = "A recording made with --save.")
    Path file;

    @Option(names = "--format", defaultValue = "md", description = "md, csv, json, svg or html (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--theme", defaultValue = "light", description = "svg and html colours: light or dark (default ${DEFAULT-VALUE}).")
    Theme theme;

    @Override
    public Integer call() throws Exception {
        Recording r;
        try {
            r = SnapshotLogReader.read(file);
        } catch (RecordingException e) {
            throw new UserError(e.getMessage(), "record a run with: partop SCENARIO --save run.partop");
        }
        System.out.print(render(RunTimeline.of(r), format, theme));
        return ExitCodes.OK;
    }

    /** A run's report; the same for a recording and at the end of a live run (--report). */
    static String render(RunTimeline run, Format format, Theme theme) throws Exception {
        return switch (format) {
            case md -> ResultsTable.markdown(run.header(), run.results());
            case csv -> ResultsTable.csv(run.header(), run.results());
            case json -> Json.mapper().writeValueAsString(JsonLinesPrinter.summary(run.results())) + "\n";
            case svg -> SvgReport.render(run, theme);
            case html -> HtmlReport.render(run, theme);
        };
    }
}

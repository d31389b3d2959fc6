package dev.partop.cli;

import dev.partop.scenario.Scenario;
import dev.partop.scenario.ScenarioException;
import dev.partop.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code partop validate FILE...}: checks scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks scenario files and says what is wrong, with file:line:column. Runs nothing.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files to check.")
    List<Path> files;

    @Override
    public Integer call() {
        int bad = 0;
        for (Path f : files) {
            try {
                Scenario s = ScenarioLoader.load(f);
                System.out.println(f + ": ok (" + s.phases().size() + " phases: " + s.name() + ")");
            } catch (ScenarioException e) {
                System.err.println(e.getMessage());
                bad++;
            }
        }
        return bad == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }
}

package dev.partop.cli;

import dev.partop.scenario.BuiltinScenarios;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code partop list}: the built-in scenarios, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the built-in scenarios (run one with: partop NAME).")
final class ListCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        int width = BuiltinScenarios.names().stream().mapToInt(String::length).max().orElse(8);
        for (String name : BuiltinScenarios.names()) {
            System.out.printf("%-" + width + "s  %s%n", name, BuiltinScenarios.summary(name));
        }
        return ExitCodes.OK;
    }
}

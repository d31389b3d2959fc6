package dev.partop;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The one-way data flow, held by the build: scenario → model → Snapshot → view/headless/record.
 * Consumers see only Snapshots and the contracts they are fed through ({@code sink}); models never
 * know who draws them; the scenario reader knows no model.
 */
@AnalyzeClasses(packages = "dev.partop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] OURS_BUT_NOT_FOR_CONSUMERS = {
            "dev.partop.cli..", "dev.partop.session..", "dev.partop.model..", "dev.partop.probe..",
            "dev.partop.scenario..", "dev.partop.work.."};

    @ArchTest
    static final ArchRule consumersDependOnlyOnSnapshots = noClasses()
            .that().resideInAnyPackage("dev.partop.view..", "dev.partop.headless..", "dev.partop.record..")
            .should().dependOnClassesThat().resideInAnyPackage(OURS_BUT_NOT_FOR_CONSUMERS)
            .because("view, headless and record read only Snapshots (and the sink contracts)");

    @ArchTest
    static final ArchRule consumersDoNotKnowEachOther = slices().matching("dev.partop.(view|headless|record)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule modelsKnowNoConsumer = noClasses()
            .that().resideInAnyPackage("dev.partop.model..", "dev.partop.work..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.partop.view..", "dev.partop.headless..", "dev.partop.record..", "dev.partop.cli..",
                    "dev.partop.session..", "dev.partop.sink..");

    @ArchTest
    static final ArchRule snapshotDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("dev.partop.snapshot..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.partop.cli..", "dev.partop.session..", "dev.partop.model..", "dev.partop.probe..",
                    "dev.partop.scenario..", "dev.partop.work..", "dev.partop.view..", "dev.partop.headless..",
                    "dev.partop.record..", "dev.partop.sink..");

    @ArchTest
    static final ArchRule sinkContractsSeeOnlySnapshots = noClasses()
            .that().resideInAPackage("dev.partop.sink..")
            .should().dependOnClassesThat().resideInAnyPackage(OURS_BUT_NOT_FOR_CONSUMERS);

    @ArchTest
    static final ArchRule scenarioKnowsNoModel = noClasses()
            .that().resideInAPackage("dev.partop.scenario..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.partop.model..", "dev.partop.work..", "dev.partop.session..", "dev.partop.probe..",
                    "dev.partop.view..", "dev.partop.headless..", "dev.partop.record..", "dev.partop.cli..");

    @ArchTest
    static final ArchRule probesKnowNoConsumer = noClasses()
            .that().resideInAPackage("dev.partop.probe..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.partop.view..", "dev.partop.headless..", "dev.partop.record..", "dev.partop.cli..",
                    "dev.partop.session..", "dev.partop.model..");

    /** Between the top-level packages (a model and its lock or worker side are one slice). */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.partop.(*)..").should().beFreeOfCycles();

    /** The dashboard, its widgets and its terminal plumbing: widgets paint cells, the terminal side sends them. */
    @ArchTest
    static final ArchRule noCyclesInsideTheView = slices().matching("dev.partop.view.(**)").should().beFreeOfCycles();
}

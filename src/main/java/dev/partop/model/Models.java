package dev.partop.model;

import dev.partop.scenario.ModelKind;

import java.util.EnumSet;
import java.util.Set;

/** Creates the model a phase names, and says which models exist in this build. */
public final class Models {

    private static final Set<ModelKind> AVAILABLE = EnumSet.of(ModelKind.SEQUENTIAL, ModelKind.FREE_THREADS,
            ModelKind.GIL_THREADS, ModelKind.INTERPRETERS, ModelKind.PROCESSES, ModelKind.EVENT_LOOP,
            ModelKind.COMMAND, ModelKind.WATCH);

    private Models() {
    }

    /** Models this build can run; the others fail validation with "not available yet". */
    public static boolean isAvailable(ModelKind kind) {
        return AVAILABLE.contains(kind);
    }

    public static ExecutionModel create(PhaseContext ctx) {
        return switch (ctx.phase().model()) {
            case SEQUENTIAL -> SequentialModel.create(ctx);
            case FREE_THREADS -> FreeThreadsModel.create(ctx);
            case GIL_THREADS -> LockedThreadsModel.gilThreads(ctx);
            case INTERPRETERS -> LockedThreadsModel.interpreters(ctx);
            case PROCESSES -> new ProcessesModel(ctx);
            case EVENT_LOOP -> new EventLoopModel(ctx);
            case COMMAND -> new CommandModel(ctx);
            case WATCH -> new WatchModel(ctx);
            default -> throw new UnsupportedOperationException(
                    "model '" + ctx.phase().model().keyword() + "' is not available yet");
        };
    }
}

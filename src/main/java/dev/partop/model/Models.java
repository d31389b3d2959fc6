package dev.partop.model;

import dev.partop.model.cpython.CpythonRuntime;

/** Creates the model a phase names. */
public final class Models {

    private Models() {
    }

    public static ExecutionModel create(PhaseContext ctx) {
        if (ctx.phase().isCpython()) return new CpythonRuntime(ctx);
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

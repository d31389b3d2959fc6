package dev.partop.snapshot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The additions for real threads keep the old JSON shape for the models' lanes and read back. */
class ObservedRecordsTest {

    @Test
    void aModelLaneHasNoThreadKeyAndOldTextStillReads() throws Exception {
        LaneSample model = new LaneSample(0, "T1", LaneState.HOLDING, 0.5, 0, 0.5, 0.5, 0, 0, 0, 0);
        String json = Json.mapper().writeValueAsString(model);
        assertThat(json).doesNotContain("thread");
        String old = "{\"id\":0,\"name\":\"T1\",\"state\":\"WAITING\",\"cpu\":0.1,\"running\":0,\"holding\":0,"
                + "\"waiting\":0.9,\"io\":0,\"idle\":0,\"tasks_done\":3,\"lock\":0}";
        LaneSample back = Json.mapper().readValue(old, LaneSample.class);
        assertThat(back.thread()).isNull();
        assertThat(back.tasksDone()).isEqualTo(3);
        String oldStats = "{\"lock\":null,\"io\":null,\"processes\":null,\"loop\":null}";
        assertThat(Json.mapper().readValue(oldStats, ModelStats.class).gils()).isNull();
        assertThat(Json.mapper().writeValueAsString(ModelStats.NONE)).doesNotContain("gils");
    }

    @Test
    void aThreadLaneAndARealGilRoundTrip() throws Exception {
        LaneSample l = new LaneSample(3, "41/44 python3", LaneState.RUNNABLE, 0.2, 0.1, 0.1, 0.5, 0, 0, 0, -1,
                new OsThread(41, 44, "python3", 0.3, 0, 0, 0, 0, null));
        LaneSample back = Json.mapper().readValue(Json.mapper().writeValueAsString(l), LaneSample.class);
        assertThat(back).isEqualTo(l);
        ModelStats s = new ModelStats(null, null, null, null, List.of(
                new ObservedGil(41, "CPython 3.12", null, true, 44, 3, 5000, 120, 160.0, 0.98, 2.5),
                new ObservedGil(50, null, "GIL not readable: cannot read /proc/50/mem (permission denied)", false, -1, -1,
                        0, 0, 0, 0, 0)));
        assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(s), ModelStats.class)).isEqualTo(s);
    }
}

package dev.partop.scenario;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizesTest {

    @Test
    void readsBinaryAndDecimalUnits() {
        assertThat(ByteSizes.parse("4096")).isEqualTo(4096);
        assertThat(ByteSizes.parse("512B")).isEqualTo(512);
        assertThat(ByteSizes.parse("64KiB")).isEqualTo(64 * 1024);
        assertThat(ByteSizes.parse("10MiB")).isEqualTo(10L << 20);
        assertThat(ByteSizes.parse("1MB")).isEqualTo(1_000_000);
        assertThat(ByteSizes.parse("1.5KiB")).isEqualTo(1536);
        assertThat(ByteSizes.parse("1GiB")).isEqualTo(1L << 30);
    }

    @Test
    void rejectsOthers() {
        assertThatThrownBy(() -> ByteSizes.parse("lots")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ByteSizes.parse("3 parsecs")).hasMessageContaining("unknown unit 'parsecs'");
        assertThatThrownBy(() -> ByteSizes.parse("-1KiB")).hasMessageContaining("negative");
    }

    @Test
    void formatsShortly() {
        assertThat(ByteSizes.format(512)).isEqualTo("512B");
        assertThat(ByteSizes.format(64 * 1024)).isEqualTo("64KiB");
        assertThat(ByteSizes.format(1536)).isEqualTo("1.5KiB");
        assertThat(ByteSizes.format(1L << 30)).isEqualTo("1GiB");
    }
}

package io.github.camelmarketo.examples.benchmark.suite;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The suite with smoke sizes (hundreds of leads, one JVM): every scenario runs and the report files are produced and
 * well-formed. The figures themselves are not checked: timings belong in the report, not in assertions.
 */
class BenchmarkSuiteSmokeTest {

    @Test
    void everyScenarioRunsAndTheReportFilesAreWellFormed() throws Exception {
        Path out = Paths.get("target", "benchmark-smoke");
        Report report = BenchmarkSuite.run(SuiteSettings.smoke(), out, line -> { });

        assertThat(report.targets()).extracting(Report.Target::target).doesNotContain("scenario runs");
        assertThat(report.sections()).extracting(Report.Section::order).containsExactly(1, 2, 3, 4);

        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).startsWith("# camel-marketo benchmark report").contains("| cores |", "## Targets",
                "## 1. Budget efficiency", "## 2. Overhead", "## 3. Consumer", "## 4. API calls per 1,000 records");

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(json.path("header").path("jvm").asText()).isNotBlank();
        assertThat(json.path("sections")).hasSize(4);
        assertThat(json.path("targets").size()).isGreaterThanOrEqualTo(10);
        // counts are exact: the budget run under the scaled limits made no rejected call
        for (JsonNode row : json.path("sections").get(0).path("data")) {
            assertThat(row.path("606").asLong() + row.path("615").asLong() + row.path("20023").asLong()
                       + row.path("20024").asLong()).isZero();
        }

        for (String chart : List.of("budget.png", "overhead-cpu.png", "consumer-throughput.png", "consumer-heap.png",
                "calls-per-1000.png")) {
            assertThat(md).contains("](" + chart + ")");
            BufferedImage image = ImageIO.read(out.resolve(chart).toFile());
            assertThat(image).as(chart).isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
        }
    }
}

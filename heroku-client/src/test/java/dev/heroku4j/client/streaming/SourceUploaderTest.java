package dev.heroku4j.client.streaming;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.error.HerokuForbiddenException;
import dev.heroku4j.client.testsupport.Ports;

/** Source uploads to a pre-signed S3 {@code put_url}, through the clients' {@code upload(..)}. */
class SourceUploaderTest {

    @RegisterExtension
    static WireMockExtension s3 = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String KEY = "hrku-upload-test-key";
    private static final String SIGNED = "/heroku-sources/abc?X-Amz-Signature=d%2Fe&X-Amz-Expires=3600";

    private final HerokuClient heroku = HerokuClient.builder().apiKey(KEY)
            .baseUrl("http://127.0.0.1:" + Ports.closedPort()).userAgent("deployer/7").build();

    private static LoggedRequest onlyRequest() {
        assertThat(s3.getAllServeEvents()).hasSize(1);
        return s3.getAllServeEvents().get(0).getRequest();
    }

    private static void assertS3Friendly(LoggedRequest request, byte[] expected) {
        assertThat(request.getMethod().getName()).isEqualTo("PUT");
        assertThat(request.getUrl()).isEqualTo(SIGNED);
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.getAllHeaderKeys()).noneMatch(h -> request.getHeader(h).contains(KEY));
        assertThat(request.containsHeader("Content-Type")).isFalse();
        assertThat(request.containsHeader("Transfer-Encoding")).isFalse();
        assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(expected.length));
        assertThat(request.getHeader("User-Agent")).isEqualTo("deployer/7");
        assertThat(request.getBody()).isEqualTo(expected);
    }

    @Test
    void upload_whenBytes_sendsThemWithLengthAndNoContentTypeOrAuth() {
        s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        byte[] tarball = new byte[300_000];
        new Random(1).nextBytes(tarball);

        heroku.upload(s3.baseUrl() + SIGNED, tarball);

        assertS3Friendly(onlyRequest(), tarball);
    }

    @Test
    void upload_whenFile_streamsIt_reactive(@TempDir Path dir) throws IOException {
        s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        byte[] tarball = new byte[200_000];
        new Random(2).nextBytes(tarball);
        Path file = Files.write(dir.resolve("source.tgz"), tarball);

        Mono<Void> upload = heroku.reactive().upload(s3.baseUrl() + SIGNED, file);
        assertThat(s3.getAllServeEvents()).as("nothing before subscription").isEmpty();
        upload.block(Duration.ofSeconds(10));

        assertS3Friendly(onlyRequest(), tarball);
    }

    @Test
    void upload_whenFile_streamsIt_blocking(@TempDir Path dir) throws IOException {
        s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        byte[] tarball = new byte[100_000];
        new Random(3).nextBytes(tarball);
        Path file = Files.write(dir.resolve("source.tgz"), tarball);

        heroku.upload(s3.baseUrl() + SIGNED, file);

        assertS3Friendly(onlyRequest(), tarball);
    }

    @Test
    void upload_whenS3RejectsSignature_raisesWithXmlExcerpt() {
        s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>SignatureDoesNotMatch</Code></Error>")));

        assertThatThrownBy(() -> heroku.upload(s3.baseUrl() + SIGNED, new byte[] {1}))
                .isInstanceOf(HerokuForbiddenException.class)
                .hasMessageContaining("SignatureDoesNotMatch");
        assertThatThrownBy(() -> heroku.reactive().upload(s3.baseUrl() + SIGNED, new byte[] {1}).block())
                .isInstanceOf(HerokuForbiddenException.class);
    }

    @Test
    void upload_whenTheFileIsMissing_failsWithoutSending(@TempDir Path dir) {
        assertThatThrownBy(() -> heroku.upload(s3.baseUrl() + SIGNED, dir.resolve("missing.tgz")))
                .hasMessageContaining("missing.tgz");
        assertThat(s3.getAllServeEvents()).isEmpty();
    }
}

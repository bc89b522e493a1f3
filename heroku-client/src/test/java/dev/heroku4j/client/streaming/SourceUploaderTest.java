package dev.heroku4j.client.streaming;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.heroku4j.client.error.HerokuForbiddenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SourceUploaderTest {

    @RegisterExtension
    static WireMockExtension s3 = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SIGNED = "/heroku-sources/abc?X-Amz-Signature=d%2Fe&X-Amz-Expires=3600";

    private static LoggedRequest onlyRequest() {
        assertThat(s3.getAllServeEvents()).hasSize(1);
        return s3.getAllServeEvents().get(0).getRequest();
    }

    private static void assertS3Friendly(LoggedRequest request, byte[] expected) {
        assertThat(request.getMethod().getName()).isEqualTo("PUT");
        assertThat(request.getUrl()).isEqualTo(SIGNED);
        assertThat(request.containsHeader("Authorization")).isFalse();
        assertThat(request.containsHeader("Content-Type")).isFalse();
        assertThat(request.containsHeader("Transfer-Encoding")).isFalse();
        assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(expected.length));
        assertThat(request.getBody()).isEqualTo(expected);
    }

    @Test
    void put_whenBytes_sendsThemWithLengthAndNoContentTypeOrAuth() {
        s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        byte[] tarball = new byte[300_000];
        new Random(1).nextBytes(tarball);

        new SourceUploader().put(s3.baseUrl() + SIGNED, tarball).block();

        assertS3Friendly(onlyRequest(), tarball);
    }

    @Test
    void put_whenFile_streamsIt(@TempDir Path dir) throws IOException {
        s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        byte[] tarball = new byte[200_000];
        new Random(2).nextBytes(tarball);
        Path file = Files.write(dir.resolve("source.tgz"), tarball);

        new SourceUploader().put(URI.create(s3.baseUrl() + SIGNED), file).block();

        assertS3Friendly(onlyRequest(), tarball);
    }

    @Test
    void put_whenS3RejectsSignature_raisesWithXmlExcerpt() {
        s3.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>SignatureDoesNotMatch</Code></Error>")));

        assertThatThrownBy(() -> new SourceUploader().put(s3.baseUrl() + SIGNED, new byte[] {1}).block())
                .isInstanceOf(HerokuForbiddenException.class)
                .hasMessageContaining("SignatureDoesNotMatch");
    }
}

package dev.heroku4j.bench;

import java.util.List;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The blocking floor: the least a Spring MVC user could write for the same call, the counterpart of
 * {@code HerokuClient}: Spring's {@link RestClient} (its blocking client; RestTemplate is in maintenance) on the JDK
 * {@code HttpClient}, which is what Spring Boot's {@code RestClient.Builder} picks in an MVC application that has no
 * other HTTP client library (Apache, Jetty, Reactor Netty) on its classpath. Same record, mapper and headers as
 * {@link Floor}; no interceptors, no retry.
 */
public final class BlockingFloor {

    private final RestClient restClient;

    public BlockingFloor(String baseUrl, String apiKey) {
        // explicit: RestClient.builder() alone would pick Reactor Netty here, since heroku-client brings it along
        this(baseUrl, apiKey, new JdkClientHttpRequestFactory());
    }

    /** With a given request factory (figure 1b: Reactor Netty, what Boot picks when heroku4j is on the classpath). */
    public BlockingFloor(String baseUrl, String apiKey, ClientHttpRequestFactory requestFactory) {
        this.restClient = RestClient.builder()
                .requestFactory(requestFactory)
                .baseUrl(baseUrl)
                .defaultHeaders(h -> {
                    h.setBearerAuth(apiKey);
                    h.setAccept(List.of(Floor.HEROKU_JSON));
                })
                .configureMessageConverters(c -> c.withJsonConverter(new JacksonJsonHttpMessageConverter(Floor.mapper())))
                .build();
    }

    public Floor.AppRecord appInfo(String name) {
        return restClient.get().uri("/apps/{name}", name).retrieve().body(Floor.AppRecord.class);
    }
}

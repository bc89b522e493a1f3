package dev.heroku4j.client.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

public final class Scenarios {

    private Scenarios() {
    }

    /** Answers any request with the given responses in order; the last one repeats. */
    public static void respondInOrder(WireMockExtension server, ResponseDefinitionBuilder... responses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String nextState = i == responses.length - 1 ? state : "step-" + (i + 1);
            server.stubFor(any(anyUrl()).inScenario("in-order").whenScenarioStateIs(state)
                    .willReturn(responses[i]).willSetStateTo(nextState));
            state = nextState;
        }
    }
}

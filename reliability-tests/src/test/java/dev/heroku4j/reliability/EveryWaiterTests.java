package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.simulator.HerokuSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The waiters of the resources the simulator does not keep state for (its answer to their {@code Info} has the
 * first value of the state's enum), on both clients: each polls its own operation and classifies that state as
 * {@code heroku-waiters.json} says (app setup {@code failed}: a failure with its {@code failure_message}; space NAT
 * {@code disabled}: success; space {@code allocating}: still in progress at the deadline; ...). The stateful ones
 * (build, release, add-on, dyno) are in {@link WaiterTests}.
 */
@Timeout(120)
class EveryWaiterTests {

    static final WaitOptions SHORT = WaitOptions.deadlineIn(Duration.ofMillis(1500))
            .interval(Duration.ofMillis(50), Duration.ofMillis(100));
    static final String ID = UUID.randomUUID().toString();

    static HerokuSimulator sim;
    static HerokuClient heroku;
    static ReactiveHerokuClient reactive;

    @BeforeAll
    static void start() {
        sim = HerokuSimulator.builder().start();
        heroku = Clients.patient(sim.baseUrl());
        reactive = heroku.reactive();
        heroku.app().appCreate(new AppCreateOpts().name("every-waiter"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Calls each resource's Info once, with the client's own timeouts. */
    static final Function<HerokuClient, java.util.function.Consumer<String>> WARM = h -> resource -> {
        switch (resource) {
            case "app-setup" -> h.appSetup().appSetupInfo(ID);
            case "app-transfer" -> h.appTransfer().appTransferInfo(ID);
            case "app-webhook-delivery" -> h.appWebhookDelivery().appWebhookDeliveryInfo("every-waiter", ID);
            case "peering" -> h.peering().peeringInfo("my-space", "pcx-123456789012");
            case "pipeline-promotion" -> h.pipelinePromotion().pipelinePromotionInfo(ID);
            case "review-app" -> h.reviewApp().reviewAppGet(ID);
            case "test-run" -> h.testRun().testRunInfo(ID);
            case "space" -> h.space().spaceInfo("my-space");
            case "space-nat" -> h.spaceNat().spaceNatInfo("my-space");
            case "vpn-connection" -> h.vpnConnection().vpnConnectionInfo("my-space", ID);
            default -> throw new IllegalArgumentException(resource);
        }
    };

    record Case(Function<HerokuClient, WaitOutcome<?>> blocking, Function<ReactiveHerokuClient, WaitOutcome<?>> reactive,
                Class<?> expected, String state) {
    }

    @Test
    void everyGeneratedWaiter_pollsItsInfoOperation_andClassifiesTheStateAsTheDataSays() {
        // The waiters of resources the simulator answers from its schema samples. App setups, promotions and webhook
        // deliveries now keep state there (an unknown id is 404), so their waiters are left to tests on real state.
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("app-transfer", new Case(h -> h.appTransfer().appTransferWait(ID, SHORT),
                r -> r.appTransfer().appTransferWait(ID, SHORT).block(Clients.BOUND), WaitOutcome.DeadlineExceeded.class, "pending"));
        cases.put("peering", new Case(h -> h.peering().peeringWait("my-space", "pcx-123456789012", SHORT),
                r -> r.peering().peeringWait("my-space", "pcx-123456789012", SHORT).block(Clients.BOUND),
                WaitOutcome.DeadlineExceeded.class, "initiating-request"));
        cases.put("review-app", new Case(h -> h.reviewApp().reviewAppWait(ID, SHORT),
                r -> r.reviewApp().reviewAppWait(ID, SHORT).block(Clients.BOUND), WaitOutcome.DeadlineExceeded.class, "pending"));
        cases.put("test-run", new Case(h -> h.testRun().testRunWait(ID, SHORT),
                r -> r.testRun().testRunWait(ID, SHORT).block(Clients.BOUND), WaitOutcome.DeadlineExceeded.class, "pending"));
        cases.put("space", new Case(h -> h.space().spaceWait("my-space", SHORT),
                r -> r.space().spaceWait("my-space", SHORT).block(Clients.BOUND), WaitOutcome.DeadlineExceeded.class, "allocating"));
        cases.put("space-nat", new Case(h -> h.spaceNat().spaceNatWait("my-space", SHORT),
                r -> r.spaceNat().spaceNatWait("my-space", SHORT).block(Clients.BOUND), WaitOutcome.Succeeded.class, "disabled"));
        cases.put("vpn-connection", new Case(h -> h.vpnConnection().vpnConnectionWait("my-space", ID, SHORT),
                r -> r.vpnConnection().vpnConnectionWait("my-space", ID, SHORT).block(Clients.BOUND),
                WaitOutcome.DeadlineExceeded.class, "pending"));

        cases.forEach((resource, c) -> {
            // a first call of each operation is slow on a cold simulator (it compiles the link's schema): not timed
            WARM.apply(heroku).accept(resource);
            for (WaitOutcome<?> outcome : new WaitOutcome<?>[] { c.blocking().apply(heroku), c.reactive().apply(reactive) }) {
                assertThat(outcome).as(resource).isInstanceOf(c.expected());
                assertThat(outcome.resourceType()).isEqualTo(resource);
                assertThat(outcome.state()).as(resource).isEqualTo(c.state());
            }
        });
        assertThat(sim.journal().invalid()).isEmpty();
    }
}

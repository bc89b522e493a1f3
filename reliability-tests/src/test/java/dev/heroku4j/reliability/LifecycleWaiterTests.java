package dev.heroku4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.model.AddOnCreateOpts;
import dev.heroku4j.client.model.AppCreateOpts;
import dev.heroku4j.client.model.AppTransferCreateOpts;
import dev.heroku4j.client.model.PipelineCreateOpts;
import dev.heroku4j.client.model.ReviewAppCreateOpts;
import dev.heroku4j.client.model.ReviewAppSourceBlob;
import dev.heroku4j.client.model.SpaceCreateOpts;
import dev.heroku4j.client.model.TestRunCreateOpts;
import dev.heroku4j.client.model.VpnConnectionCreateOpts;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;
import dev.heroku4j.reliability.support.Clients;
import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.state.Timings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The waiters of what the simulator moves through states itself ({@code lifecycles.json}: add-ons, app transfers,
 * peerings, review apps, test runs, spaces, VPN connections; a space's NAT follows its space), on both clients and
 * on real state: each created (a peering, which has no create link, seeded) starts in progress and succeeds after
 * {@link #DELAY}; {@code failures().fails(resource, ...)} ends it in its failure state with its detail;
 * {@code failures().stuck(resource, ...)} keeps it in progress until the waiter's deadline.
 */
@Timeout(120)
class LifecycleWaiterTests {

    static final Duration DELAY = Duration.ofMillis(400);
    static final WaitOptions FAST = WaitOptions.defaults().interval(Duration.ofMillis(50), Duration.ofMillis(100));
    static final Set<String> RESOURCES = Set.of("add-on", "app-transfer", "peering", "review-app", "test-run", "space",
            "space-nat", "vpn-connection");

    static HerokuSimulator sim;
    static HerokuClient heroku;
    static ReactiveHerokuClient reactive;
    static UUID pipeline;

    @BeforeAll
    static void start() {
        Timings timings = Timings.DEFAULT;
        for (String resource : RESOURCES) {
            if (!"space-nat".equals(resource)) { // the NAT has no timing of its own: it follows its space
                timings = timings.withLifecycle(resource, DELAY);
            }
        }
        sim = HerokuSimulator.builder().timings(timings).start();
        heroku = Clients.patient(sim.baseUrl());
        reactive = heroku.reactive();
        heroku.app().appCreate(new AppCreateOpts().name("lifecycle-app"));
        pipeline = heroku.pipeline().pipelineCreate(new PipelineCreateOpts().name("lifecycle-pipeline")).getId();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** How one resource is created (its path identities) and waited for on either client. */
    interface Waiter {
        WaitOutcome<?> await(boolean viaReactive, List<String> ids, WaitOptions options);
    }

    record Case(String start, String success, String failure, Map<String, String> detail, Waiter waiter) {
    }

    static String space() {
        return heroku.space().spaceCreate(new SpaceCreateOpts().name("space-" + UUID.randomUUID().toString().substring(0, 8))
                .team("lifecycle-team")).getName();
    }

    /** Creates the resource (its create answer showing the start state) and gives the identities its Info takes. */
    static List<String> create(String resource, String start) {
        return switch (resource) {
            case "add-on" -> {
                var addOn = heroku.addOn().addOnCreate("lifecycle-app", new AddOnCreateOpts().plan("heroku-postgresql:essential-0"));
                assertThat(addOn.getStateAsString()).isEqualTo(start);
                yield List.of(addOn.getId().toString());
            }
            case "app-transfer" -> {
                var transfer = heroku.appTransfer().appTransferCreate(new AppTransferCreateOpts().app("lifecycle-app")
                        .recipient("recipient@example.com"));
                assertThat(transfer.getStateAsString()).isEqualTo(start);
                yield List.of(transfer.getId().toString());
            }
            case "peering" -> {
                // no create link: a peering is requested from the AWS side, so it is seeded under a created space
                String space = space();
                String pcx = "pcx-" + UUID.randomUUID().toString().substring(0, 12);
                sim.state().seedLifecycle("peering", JsonNodeFactory.instance.objectNode().put("pcx_id", pcx));
                yield List.of(space, pcx);
            }
            case "review-app" -> {
                var app = heroku.reviewApp().reviewAppCreate(new ReviewAppCreateOpts().branch("feature").pipeline(pipeline)
                        .sourceBlob(new ReviewAppSourceBlob().url("https://example.com/app.tgz").version("v1")));
                assertThat(app.getStatusAsString()).isEqualTo(start);
                yield List.of(app.getId().toString());
            }
            case "test-run" -> {
                var run = heroku.testRun().testRunCreate(new TestRunCreateOpts().commitBranch("main").commitMessage("ci")
                        .commitSha("abc123").pipeline(pipeline.toString()).sourceBlobUrl("https://example.com/app.tgz"));
                assertThat(run.getStatusAsString()).isEqualTo(start);
                yield List.of(run.getId().toString());
            }
            case "space" -> List.of(space());
            // no create link: a space's NAT is set up with its space, so its state follows the space's
            case "space-nat" -> List.of(space());
            case "vpn-connection" -> {
                String space = space();
                var vpn = heroku.vpnConnection().vpnConnectionCreate(space, new VpnConnectionCreateOpts().name("office")
                        .publicIp("35.161.69.30").addRoutableCidrsItem("172.16.0.0/16"));
                assertThat(vpn.getStatusAsString()).isEqualTo(start);
                yield List.of(space, vpn.getId().toString());
            }
            default -> throw new IllegalArgumentException(resource);
        };
    }

    static Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("add-on", new Case("provisioning", "provisioned", "deprovisioned", Map.of(), (r, ids, o) -> r
                ? reactive.addOn().addOnWait(ids.get(0), o).block(Clients.BOUND) : heroku.addOn().addOnWait(ids.get(0), o)));
        cases.put("app-transfer", new Case("pending", "accepted", "declined", Map.of(), (r, ids, o) -> r
                ? reactive.appTransfer().appTransferWait(ids.get(0), o).block(Clients.BOUND)
                : heroku.appTransfer().appTransferWait(ids.get(0), o)));
        cases.put("peering", new Case("pending-acceptance", "active", "failed", Map.of(), (r, ids, o) -> r
                ? reactive.peering().peeringWait(ids.get(0), ids.get(1), o).block(Clients.BOUND)
                : heroku.peering().peeringWait(ids.get(0), ids.get(1), o)));
        cases.put("review-app", new Case("creating", "created", "errored", Map.of("error_status", "failed_postdeploy",
                "message", "Review app creation failed: the app.json's postdeploy script exited 1"),
                (r, ids, o) -> r ? reactive.reviewApp().reviewAppWait(ids.get(0), o).block(Clients.BOUND)
                        : heroku.reviewApp().reviewAppWait(ids.get(0), o)));
        cases.put("test-run", new Case("running", "succeeded", "failed", Map.of("message", "1 test failed"), (r, ids, o) -> r
                ? reactive.testRun().testRunWait(ids.get(0), o).block(Clients.BOUND) : heroku.testRun().testRunWait(ids.get(0), o)));
        cases.put("space", new Case("allocating", "allocated", "deleting", Map.of(), (r, ids, o) -> r
                ? reactive.space().spaceWait(ids.get(0), o).block(Clients.BOUND) : heroku.space().spaceWait(ids.get(0), o)));
        // the NAT's waiter has no failure state: a space that fails (deleting) leaves it disabled, a resting state
        cases.put("space-nat", new Case("updating", "enabled", null, Map.of(), (r, ids, o) -> r
                ? reactive.spaceNat().spaceNatWait(ids.get(0), o).block(Clients.BOUND) : heroku.spaceNat().spaceNatWait(ids.get(0), o)));
        cases.put("vpn-connection", new Case("provisioning", "active", "failed",
                Map.of("status_message", "IPsec tunnel could not be established with the customer gateway"), (r, ids, o) -> r
                        ? reactive.vpnConnection().vpnConnectionWait(ids.get(0), ids.get(1), o).block(Clients.BOUND)
                        : heroku.vpnConnection().vpnConnectionWait(ids.get(0), ids.get(1), o)));
        assertThat(cases.keySet()).isEqualTo(RESOURCES);
        return cases;
    }

    /** The NAT's failures are its space's. */
    static String injectedAs(String resource) {
        return "space-nat".equals(resource) ? "space" : resource;
    }

    @Test
    void everyLifecycle_succeedsAfterItsDelay_onBothClients() {
        cases().forEach((resource, c) -> {
            for (boolean viaReactive : new boolean[] { false, true }) {
                WaitOutcome<?> outcome = c.waiter().await(viaReactive, create(resource, c.start()), FAST);
                assertThat(outcome).as(resource).isInstanceOf(WaitOutcome.Succeeded.class);
                assertThat(outcome.state()).as(resource).isEqualTo(c.success());
                assertThat(outcome.resourceType()).isEqualTo(resource);
                assertThat(outcome.polls()).as(resource + ": in progress at first").isGreaterThan(1);
            }
        });
        assertThat(sim.journal().invalid()).isEmpty();
    }

    @Test
    void everyLifecycle_whenItFails_isAFailureWithItsDetail_onBothClients() {
        cases().forEach((resource, c) -> {
            for (boolean viaReactive : new boolean[] { false, true }) {
                sim.state().failures().fails(injectedAs(resource), null);
                WaitOutcome<?> outcome = c.waiter().await(viaReactive, create(resource, c.start()), FAST);
                if (c.failure() == null) {
                    assertThat(outcome).as(resource).isInstanceOf(WaitOutcome.Succeeded.class);
                    assertThat(outcome.state()).as(resource).isEqualTo("disabled");
                    continue;
                }
                assertThat(outcome).as(resource).isInstanceOf(WaitOutcome.Failed.class);
                assertThat(outcome.state()).as(resource).isEqualTo(c.failure());
                assertThat(((WaitOutcome.Failed<?>) outcome).detail()).as(resource).containsAllEntriesOf(c.detail());
            }
        });
        assertThat(sim.state().failures().active()).isEmpty();
        assertThat(sim.journal().invalid()).isEmpty();
    }

    @Test
    void everyLifecycle_whenStuck_endsAtTheDeadlineWithItsStartState_onBothClients() {
        WaitOptions deadline = FAST.deadline(Duration.ofMillis(DELAY.toMillis() * 3));
        cases().forEach((resource, c) -> {
            for (boolean viaReactive : new boolean[] { false, true }) {
                sim.state().failures().stuck(injectedAs(resource), null);
                List<String> ids = create(resource, c.start());
                c.waiter().await(viaReactive, ids, FAST.deadline(Duration.ofMillis(50))); // a cold first call: not timed
                WaitOutcome<?> outcome = c.waiter().await(viaReactive, ids, deadline);
                assertThat(outcome).as(resource).isInstanceOf(WaitOutcome.DeadlineExceeded.class);
                assertThat(outcome.state()).as(resource).isEqualTo(c.start());
                assertThat(outcome.polls()).as(resource).isGreaterThan(1);
            }
        });
        assertThat(sim.journal().invalid()).isEmpty();
    }
}

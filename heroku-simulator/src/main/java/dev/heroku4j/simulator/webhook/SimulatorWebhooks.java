package dev.heroku4j.simulator.webhook;

import java.time.Duration;

import dev.heroku4j.simulator.state.StatefulApi;

/**
 * App webhooks of one simulator: the registry, the endpoints that answer from it, and the deliverer listening to
 * the state's changes. {@link dev.heroku4j.simulator.HerokuSimulator} wires them; tests read {@link #registry()}.
 */
public final class SimulatorWebhooks implements AutoCloseable {

	private final WebhookRegistry registry = new WebhookRegistry();

	private final WebhookEndpoints endpoints;

	private final WebhookDeliverer deliverer;

	public SimulatorWebhooks(StatefulApi state, Duration firstBackoff, int maxAttempts) {
		this.endpoints = new WebhookEndpoints(state, this.registry);
		this.deliverer = new WebhookDeliverer(this.registry, firstBackoff, maxAttempts);
		state.events().listen(this.deliverer);
	}

	public WebhookRegistry registry() {
		return this.registry;
	}

	public WebhookEndpoints endpoints() {
		return this.endpoints;
	}

	@Override
	public void close() {
		this.deliverer.close();
	}

}

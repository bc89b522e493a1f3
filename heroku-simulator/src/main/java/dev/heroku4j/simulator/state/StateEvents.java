package dev.heroku4j.simulator.state;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What changed in the simulator's state, told to whoever listens (webhook deliveries, tests). The state code fires
 * an event after each change it makes, outside its lock; a failing listener never undoes or blocks the change.
 */
public final class StateEvents {

	/** One change: Heroku's webhook entity ({@code api:release}), its action, the app it belongs to, the resource. */
	public record Change(String entity, String action, ObjectNode app, JsonNode resource) {
	}

	@FunctionalInterface
	public interface Listener {

		void changed(Change change);

	}

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	public void listen(Listener listener) {
		this.listeners.add(listener);
	}

	public boolean hasListeners() {
		return !this.listeners.isEmpty();
	}

	public void fire(String entity, String action, ObjectNode app, JsonNode resource) {
		fire(new Change(entity, action, app, resource.deepCopy()));
	}

	/** Tells every listener; the change is already a copy nobody else holds. */
	void fire(Change change) {
		String entity = change.entity();
		String action = change.action();
		for (Listener listener : this.listeners) {
			try {
				listener.changed(change);
			}
			catch (RuntimeException ex) {
				// A listener's failure is its own; the state change has happened and stays.
				System.getLogger(StateEvents.class.getName())
					.log(System.Logger.Level.WARNING, "state listener failed on " + entity + " " + action, ex);
			}
		}
	}

}

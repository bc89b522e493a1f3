/**
 * App webhooks in the simulator: the subscriptions ({@code app-webhook}), the events and deliveries made from state
 * changes ({@code app-webhook-event}, {@code app-webhook-delivery}), and real signed POSTs to loopback receivers.
 */
package dev.heroku4j.simulator.webhook;

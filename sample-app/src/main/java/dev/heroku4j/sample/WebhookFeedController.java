package dev.heroku4j.sample;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The received webhook events: the latest as JSON, and new ones as Server-Sent Events ({@code event: webhook}). */
@RestController
@RequestMapping("/webhook-events")
class WebhookFeedController {

    private final WebhookFeed feed;

    WebhookFeedController(WebhookFeed feed) {
        this.feed = feed;
    }

    @GetMapping
    List<WebhookFeed.Item> latest() {
        return this.feed.latest();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return this.feed.watch();
    }

}

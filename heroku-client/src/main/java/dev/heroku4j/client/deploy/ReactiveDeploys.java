package dev.heroku4j.client.deploy;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import dev.heroku4j.client.ReactiveHerokuClient;
import dev.heroku4j.client.error.HerokuApiException;
import dev.heroku4j.client.error.HerokuTransportException;
import dev.heroku4j.client.model.Build;
import dev.heroku4j.client.model.BuildCreateOpts;
import dev.heroku4j.client.model.BuildSourceBlob;
import dev.heroku4j.client.model.PipelinePromotionCreateOpts;
import dev.heroku4j.client.model.PipelinePromotionTarget;
import dev.heroku4j.client.model.Release;
import dev.heroku4j.client.waiter.WaitOptions;
import dev.heroku4j.client.waiter.WaitOutcome;

/**
 * The deploy pipeline, reactive: pack the source, make a source and upload the tarball (retried, with progress),
 * create the build, read its output to the end (resuming after breaks), wait for the build, then for the release it
 * made (release phase included, its output read too), and give the release. Each step is reported to the
 * listener with the {@link Deployment} to resume from; a failure is a {@link DeployException} carrying it.
 * Reach it through {@code ReactiveHerokuClient.deploys()}; the blocking twin is {@link Deploys}.
 */
public final class ReactiveDeploys {

    private final ReactiveHerokuClient heroku;

    public ReactiveDeploys(ReactiveHerokuClient heroku) {
        this.heroku = Objects.requireNonNull(heroku, "heroku");
    }

    /** Deploys {@code source} to {@code app}; completes with the release once it succeeded. */
    public Mono<Release> deploy(String app, DeploySource source, DeployOptions options) {
        Objects.requireNonNull(app, "app");
        return resume(Deployment.start(app), source, options);
    }

    /**
     * Goes on with a deploy from where {@code from} says it got: steps done are skipped (an uploaded source is not
     * uploaded again, a created build not created again). {@code source} is used only if the upload is not done.
     */
    public Mono<Release> resume(Deployment from, @Nullable DeploySource source, DeployOptions options) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(options, "options");
        if (!from.done(DeployStep.UPLOADED) && source == null) {
            throw new IllegalArgumentException("the deploy to " + from.app() + " has not uploaded its source yet: give it");
        }
        DeployListener listener = options.listener();
        Step last = new Step(from);
        Mono<Deployment> done = Mono.just(from);
        done = step(done, DeployStep.UPLOADED, d -> upload(d, source, options), last, listener);
        done = step(done, DeployStep.BUILD_CREATED, d -> createBuild(d, options), last, listener);
        done = step(done, DeployStep.BUILD_OUTPUT_READ, d -> readBuildOutput(d, options), last, listener);
        done = step(done, DeployStep.BUILD_SUCCEEDED, d -> awaitBuild(d, options), last, listener);
        done = step(done, DeployStep.RELEASED, d -> awaitRelease(d, options).thenReturn(d.released()), last, listener);
        Duration deadline = options.deadline();
        return done.flatMap(d -> heroku.release().releaseInfo(d.app(), Objects.requireNonNull(d.releaseId())))
                .timeout(deadline)
                .onErrorMap(e -> !(e instanceof DeployException), e -> new DeployException(message(e, last.at, deadline),
                        last.at, null, e));
    }

    /** The deployment as far as it got, for the error. */
    private static final class Step {
        volatile Deployment at;

        Step(Deployment at) {
            this.at = at;
        }
    }

    private static Mono<Deployment> step(Mono<Deployment> before, DeployStep step,
                                         java.util.function.Function<Deployment, Mono<Deployment>> action, Step last,
                                         DeployListener listener) {
        return before.flatMap(d -> d.done(step) ? Mono.just(d) : action.apply(d).doOnNext(next -> {
            last.at = next;
            listener.onStep(next);
        }));
    }

    private Mono<Deployment> upload(Deployment d, @Nullable DeploySource source, DeployOptions options) {
        byte[] tarball = Objects.requireNonNull(source).pack();
        String checksum = DeploySource.checksum(tarball);
        return heroku.source().sourceCreate().flatMap(created -> {
            String put = created.getSourceBlob().getPutUrl();
            String get = created.getSourceBlob().getGetUrl();
            return heroku.upload(put, tarball, sent -> options.listener().onUpload(sent, tarball.length))
                    .retryWhen(Retry.backoff(options.uploadRetries(), Duration.ofSeconds(1)).filter(ReactiveDeploys::retryable)
                            .onRetryExhaustedThrow((spec, signal) -> uploadFailed(d, signal.totalRetries() + 1, signal.failure())))
                    .onErrorMap(e -> !(e instanceof DeployException), e -> uploadFailed(d, 1, e))
                    .thenReturn(d.uploaded(get, checksum));
        });
    }

    /** The upload step failed for good: after the retries, or at once for what a retry cannot mend (a 403, say). */
    private static DeployException uploadFailed(Deployment d, long attempts, Throwable cause) {
        return new DeployException("Step " + DeployStep.UPLOADED + " of the deploy to " + d.app() + " failed: the source upload "
                + (attempts > 1 ? "failed " + attempts + " times" : "failed") + ", last with: " + cause.getMessage(), d, null, cause);
    }

    /** A PUT can be repeated: any transport failure or 5xx answer. */
    private static boolean retryable(Throwable e) {
        return e instanceof HerokuTransportException || (e instanceof HerokuApiException api && api.status() >= 500)
                || e instanceof org.springframework.web.reactive.function.client.WebClientRequestException;
    }

    private Mono<Deployment> createBuild(Deployment d, DeployOptions options) {
        String version = options.version() != null ? options.version() : Objects.requireNonNull(d.checksum());
        return heroku.build().buildCreate(d.app(), new BuildCreateOpts().sourceBlob(new BuildSourceBlob()
                        .url(d.sourceUrl()).checksum(d.checksum()).version(version)))
                .map(build -> d.buildCreated(build.getId()));
    }

    private Mono<Deployment> readBuildOutput(Deployment d, DeployOptions options) {
        return heroku.build().buildInfo(d.app(), Objects.requireNonNull(d.buildId()))
                .flatMap(build -> read(build.getOutputStreamUrl(), options))
                .thenReturn(d.outputRead());
    }

    /** Reads an output stream to its end; a stream that breaks for good is reported, not fatal. */
    private Mono<Void> read(@Nullable String url, DeployOptions options) {
        if (url == null || url.isEmpty()) {
            return Mono.empty();
        }
        return heroku.lines(url, options.stream())
                .doOnNext(options.listener()::onOutput)
                .then()
                .onErrorResume(e -> !(e instanceof TimeoutException), e -> {
                    options.listener().onOutputBroken(e);
                    return Mono.empty();
                });
    }

    private Mono<Deployment> awaitBuild(Deployment d, DeployOptions options) {
        UUID id = Objects.requireNonNull(d.buildId());
        return heroku.build().buildWait(d.app(), id, polled(options))
                .flatMap(outcome -> {
                    Build build = outcome.resource();
                    if (!outcome.succeeded() || build == null) {
                        return Mono.error(failed("build " + id, d, outcome));
                    }
                    if (build.getRelease() == null || build.getRelease().getId() == null) {
                        return Mono.error(new DeployException("Build " + id + " succeeded but names no release", d, outcome, null));
                    }
                    return Mono.just(d.buildSucceeded(build.getRelease().getId()));
                });
    }

    private Mono<Release> awaitRelease(Deployment d, DeployOptions options) {
        UUID id = Objects.requireNonNull(d.releaseId());
        return heroku.release().releaseInfo(d.app(), id)
                .flatMap(release -> read(release.getOutputStreamUrl(), options))
                .then(heroku.release().releaseWait(d.app(), id, polled(options)))
                .flatMap(outcome -> outcome.succeeded() ? Mono.justOrEmpty(outcome.resource())
                        : Mono.error(failed("release " + id, d, outcome)));
    }

    /**
     * Promotes as {@code request} says, waits for the promotion to complete, then for the release on every target
     * that succeeded (release phase included). A promotion still pending at its deadline fails with
     * {@link dev.heroku4j.client.waiter.WaitFailedException}; targets that failed are in the result.
     */
    public Mono<Promotion> promote(PipelinePromotionCreateOpts request, DeployOptions options) {
        Objects.requireNonNull(request, "request");
        WaitOptions wait = polled(options);
        return heroku.pipelinePromotion().pipelinePromotionCreate(request)
                .flatMap(created -> heroku.pipelinePromotion().pipelinePromotionWait(created.getId(), wait))
                .map(WaitOutcome::orThrow)
                .flatMap(done -> heroku.pipelinePromotionTarget().pipelinePromotionTargetList(done.getId())
                        .concatMap(target -> target(target, wait))
                        .collectList()
                        .map(targets -> new Promotion(done, targets)))
                .timeout(options.deadline());
    }

    private Mono<Promotion.Target> target(PipelinePromotionTarget target, WaitOptions wait) {
        UUID app = target.getApp().getId();
        String status = String.valueOf(target.getStatusAsString());
        if (!"succeeded".equals(status) || target.getRelease() == null || target.getRelease().getId() == null) {
            return Mono.just(new Promotion.Target(app, status, target.getErrorMessage(), null));
        }
        return heroku.release().releaseWait(app.toString(), target.getRelease().getId(), wait)
                .map(outcome -> outcome.succeeded() ? new Promotion.Target(app, status, null, outcome.resource())
                        : new Promotion.Target(app, "release " + outcome.state(), null, null));
    }

    private static WaitOptions polled(DeployOptions options) {
        WaitOptions waiting = options.waiting();
        return waiting.onPoll(p -> {
            waiting.onPoll().accept(p);
            options.listener().onPoll(p);
        });
    }

    private static DeployException failed(String what, Deployment d, WaitOutcome<?> outcome) {
        String how = outcome instanceof WaitOutcome.Failed<?> f ? "ended " + f.state() + (f.detail().isEmpty() ? "" : ": " + f.detail())
                : "was still " + outcome.state() + " at its deadline";
        return new DeployException("The " + what + " of " + d.app() + " " + how, d, outcome, null);
    }

    private static String message(Throwable e, Deployment at, Duration deadline) {
        String after = " (deploy to " + at.app() + ", last step done: " + at.step() + ")";
        return e instanceof TimeoutException ? "The deploy did not finish within " + deadline + after
                : "The deploy failed: " + e.getMessage() + after;
    }
}

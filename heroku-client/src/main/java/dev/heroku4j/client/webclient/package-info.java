/**
 * Assembly: {@link dev.heroku4j.client.webclient.HerokuWebClientConfigurer} installs connector, codecs and all
 * filters of the runtime on a {@code WebClient.Builder}, configured by
 * {@link dev.heroku4j.client.webclient.HerokuClientOptions}.
 */
@NullMarked
package dev.heroku4j.client.webclient;

import org.jspecify.annotations.NullMarked;

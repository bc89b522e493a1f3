package dev.heroku4j.autoconfigure.webhooks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

import dev.heroku4j.client.webhook.WebhookEvent;
import tools.jackson.databind.JsonNode;

/**
 * Finds the {@link HerokuWebhookListener} methods of every bean as it is made, and calls those that match an event.
 * A method's parameter decides too: a model class ({@code Release}) takes only events whose data is one.
 */
public final class HerokuWebhookListenerMethods implements BeanPostProcessor {

    private record ListenerMethod(Object bean, Method method, HerokuWebhookListener filter) {

        boolean matches(WebhookEvent event) {
            return anyOf(this.filter.entity(), event.entity()) && anyOf(this.filter.action(), event.action())
                    && anyOf(this.filter.status(), event.status());
        }

        /** No values means any; a missing value (no status in the data) matches none. */
        private static boolean anyOf(String[] values, @Nullable String value) {
            return values.length == 0 || (value != null && Arrays.asList(values).contains(value));
        }
    }

    private final List<ListenerMethod> methods = new CopyOnWriteArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, HerokuWebhookListener> found = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<HerokuWebhookListener>) method -> AnnotatedElementUtils
                        .findMergedAnnotation(method, HerokuWebhookListener.class));
        found.forEach((method, filter) -> {
            if (method.getParameterCount() != 1) {
                throw new IllegalStateException("@HerokuWebhookListener method " + type.getSimpleName() + "."
                        + method.getName() + " must take one parameter: WebhookEvent, HerokuWebhookEvent, JsonNode"
                        + " or the data's model (e.g. Release)");
            }
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            ReflectionUtils.makeAccessible(invocable);
            this.methods.add(new ListenerMethod(bean, invocable, filter));
        });
        return bean;
    }

    /** Calls every matching method; the first failure is thrown, after the methods before it ran. */
    void dispatch(HerokuWebhookEvent published) {
        WebhookEvent event = published.event();
        for (ListenerMethod listener : this.methods) {
            if (!listener.matches(event)) {
                continue;
            }
            Class<?> parameter = listener.method().getParameterTypes()[0];
            Object argument;
            if (parameter == WebhookEvent.class) {
                argument = event;
            }
            else if (parameter == HerokuWebhookEvent.class) {
                argument = published;
            }
            else if (parameter == JsonNode.class) {
                argument = event.dataJson();
            }
            else if (parameter.isInstance(event.data())) {
                argument = event.data();
            }
            else {
                continue;
            }
            invoke(listener, argument);
        }
    }

    private static void invoke(ListenerMethod listener, Object argument) {
        try {
            listener.method().invoke(listener.bean(), argument);
        }
        catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Heroku webhook listener " + listener.method() + " failed", ex.getCause());
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException("Cannot call " + listener.method(), ex);
        }
    }
}

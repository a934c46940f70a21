package fi.onr;

import java.util.List;

/**
 * Hetu policy as a value: the rules ({@link HetuRules#ONR}, ONR's verdict, or
 * {@link HetuRules#OFFICIAL}) and the {@link Environment}, with every verdict as a method.
 * {@link Hetu}'s twin methods are these validators' methods: {@code Hetu.parse(x, env)} is
 * {@code HetuValidator.onr(env).parse(x)}, {@code Hetu.parseStrict(x, env)} is
 * {@code HetuValidator.official(env).parse(x)}, {@code validateAll} is {@link #many}, and so on.
 *
 * <pre>{@code
 * HetuValidator onr = HetuValidator.onr(Environment.PRODUCTION);
 * onr.isValid("310490-123D");                                    // true: ONR clamps 31 April
 * HetuValidator.official(Environment.PRODUCTION).isValid("310490-123D");  // false
 * onr.isValid(null);                                             // false
 * onr.many(List.of("131052-308T", "x")).get(1).code();           // "hetu.length"
 * }</pre>
 *
 * <p>A {@code null} input is the empty input ({@code hetu.empty}); a {@code null} rules,
 * environment or list is a {@link NullPointerException} naming it. Immutable, thread-safe.
 *
 * @param rules the rules
 * @param env the environment
 */
public record HetuValidator(HetuRules rules, Environment env) {
    /** @throws NullPointerException if {@code rules} or {@code env} is {@code null} */
    public HetuValidator {
        Args.notNull(rules, "rules");
        Args.notNull(env, "env");
    }

    /** ONR's verdict for the environment. */
    public static HetuValidator onr(Environment env) {
        return new HetuValidator(HetuRules.ONR, env);
    }

    /** The official rules for the environment. */
    public static HetuValidator official(Environment env) {
        return new HetuValidator(HetuRules.OFFICIAL, env);
    }

    private boolean official() {
        return rules == HetuRules.OFFICIAL;
    }

    /**
     * Parses one hetu.
     *
     * @throws HetuException the first reason, in the documented order, why the rules reject it
     *     ({@code null} is {@code hetu.empty})
     */
    public Hetu parse(String input) {
        return official() ? Hetu.parseStrict(input, env) : Hetu.parse(input, env);
    }

    /** Whether the rules accept the input; {@code null} is not valid. */
    public boolean isValid(String input) {
        return official() ? Hetu.isValidStrict(input, env) : Hetu.isValid(input, env);
    }

    /** The verdict on one input, never thrown: its facts (birth date, sex) or its code. */
    public HetuResult facts(String input) {
        return many(java.util.Collections.singletonList(input)).get(0);
    }

    /**
     * The verdict on every input, in order, never stopping at a bad one ({@code null} items
     * are {@code hetu.empty}); see {@link Hetu#validateAll(List, Environment)} for how a large
     * batch is checked.
     */
    public HetuResults many(List<String> inputs) {
        return HetuResults.validate(Args.notNull(inputs, "inputs"), env, official());
    }
}

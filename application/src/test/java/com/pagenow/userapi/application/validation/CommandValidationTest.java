package com.pagenow.userapi.application.validation;

import com.pagenow.userapi.application.port.in.Caller;
import com.pagenow.userapi.application.port.in.user.RegisterUserCommand;
import com.pagenow.userapi.application.port.in.user.ReplaceDomainListCommand;
import com.pagenow.userapi.domain.user.Email;
import com.pagenow.userapi.domain.user.UserId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandValidationTest {

    private static final Caller CALLER = new Caller(UserId.of("alice"), Email.of("alice@example.com"));

    @Test
    void aCompleteCommandPassesInsideItsCompactConstructor() {
        assertThatCode(() -> RegisterUserCommand.of(CALLER, "Alice", "Kim", null, null))
                .doesNotThrowAnyException();
    }

    @Test
    void everyMissingComponentIsReportedByItsName() {
        assertThatThrownBy(() -> RegisterUserCommand.of(null, null, "Kim", null, null))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactlyInAnyOrder("caller", "firstName"));
    }

    @Test
    void aNullListElementIsReportedWithItsIndex() {
        assertThatThrownBy(() -> ReplaceDomainListCommand.of(CALLER, "allow", Arrays.asList("a.com", null)))
                .isInstanceOfSatisfying(
                        ConstraintViolationException.class,
                        e -> assertThat(paths(e)).containsExactly("domains[1].<list element>"));
    }

    @Test
    void theNumberOfValuesMustMatchTheRecord() {
        assertThatThrownBy(() -> CommandValidation.validate(Pair.class, "only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> paths(ConstraintViolationException failure) {
        return failure.getConstraintViolations().stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .toList();
    }

    record Pair(@NotNull String left, @NotNull String right) {}
}

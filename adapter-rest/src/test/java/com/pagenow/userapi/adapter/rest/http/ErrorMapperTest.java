package com.pagenow.userapi.adapter.rest.http;

import com.pagenow.userapi.adapter.rest.http.server.Problem;
import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMapperTest {

    @ParameterizedTest
    @CsvSource({
        "addressee, user_id2",
        "blocked, user_id",
        "shareMode, share_mode",
        "email, email",
        "first_name, first_name"
    })
    void aDomainConceptIsAnsweredUnderTheApiFieldName(String concept, String apiField) {
        Problem problem = new ErrorMapper().toProblem(new InvalidValueException(concept, "is wrong"));

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.detail()).isEqualTo(apiField + ": is wrong");
        assertThat(problem.errors()).isEqualTo(List.of(new Problem.FieldError(apiField, "is wrong")));
    }
}

package com.pagenow.userapi.domain.user;

import com.pagenow.userapi.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BirthDateTest {

    @Test
    void fullDateIsRead() {
        assertThat(BirthDate.parse("1815-12-10").value()).isEqualTo(LocalDate.of(1815, 12, 10));
    }

    @Test
    void oneDigitMonthAndDayAreReadAsTheWebClientSendsThem() {
        assertThat(BirthDate.parse("1990-05-3").value()).isEqualTo(LocalDate.of(1990, 5, 3));
        assertThat(BirthDate.parse("1990-5-03").value()).isEqualTo(LocalDate.of(1990, 5, 3));
        assertThat(BirthDate.parse(" 1990-5-3 ").toString()).isEqualTo("1990-05-03");
    }

    @Test
    void impossibleDateIsRefusedNamingDob() {
        assertThatThrownBy(() -> BirthDate.parse("1990-02-30"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("1990-02-30")
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("dob");
        assertThatThrownBy(() -> BirthDate.parse("1990-13-1")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void otherShapesAreRefused() {
        for (String text : new String[] {"1990/05/03", "90-5-3", "1990-005-03", "05-03-1990", "", "1990-5-3T00:00"}) {
            assertThatThrownBy(() -> BirthDate.parse(text)).as(text).isInstanceOf(InvalidValueException.class);
        }
        assertThatThrownBy(() -> BirthDate.parse(null)).isInstanceOf(InvalidValueException.class);
    }
}

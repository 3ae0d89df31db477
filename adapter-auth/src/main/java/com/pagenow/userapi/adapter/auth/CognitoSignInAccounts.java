package com.pagenow.userapi.adapter.auth;

import com.pagenow.userapi.application.port.out.SignInAccounts;
import com.pagenow.userapi.domain.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link SignInAccounts} on a Cognito user pool: {@code AdminDeleteUser} with the AWS SDK (credentials from the
 * default chain: the ECS task role, whose policy allows that one action on that one pool). {@code endpoint}
 * points the client at a Cognito-compatible server (cognito-local in the tests), as {@code S3_ENDPOINT_URL} does
 * for S3. A user who is already gone counts as deleted, so a retried deletion is harmless.
 */
public final class CognitoSignInAccounts implements SignInAccounts, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoSignInAccounts.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    private final CognitoIdentityProviderClient client;
    private final String userPoolId;

    private CognitoSignInAccounts(CognitoIdentityProviderClient client, String userPoolId) {
        this.client = client;
        this.userPoolId = userPoolId;
    }

    /** Builds the client; nothing is sent until the first deletion. {@code endpoint} may be null (AWS itself). */
    public static CognitoSignInAccounts create(String region, String userPoolId, URI endpoint) {
        return create(
                region,
                userPoolId,
                endpoint,
                DefaultCredentialsProvider.builder().build());
    }

    static CognitoSignInAccounts create(
            String region, String userPoolId, URI endpoint, AwsCredentialsProvider credentials) {
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(Objects.requireNonNull(region, "region")))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return new CognitoSignInAccounts(builder.build(), Objects.requireNonNull(userPoolId, "userPoolId"));
    }

    @Override
    public void delete(UserId user) {
        try {
            client.adminDeleteUser(request -> request.userPoolId(userPoolId).username(user.value()));
        } catch (UserNotFoundException alreadyGone) {
            LOG.debug("The Cognito user of a deleted account was already gone");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

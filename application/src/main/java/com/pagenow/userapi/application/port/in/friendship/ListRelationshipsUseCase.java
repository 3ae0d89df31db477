package com.pagenow.userapi.application.port.in.friendship;

import com.pagenow.userapi.application.readmodel.IdCount;
import com.pagenow.userapi.application.readmodel.Relationship;

import java.util.List;

/**
 * How the caller stands toward each of the users asked about, in one query: one answer per id that exists, in
 * request order, unknown ids skipped. The caller's own id answers status none.
 */
public interface ListRelationshipsUseCase {

    /** The most ids one call may ask about. */
    int MAX_IDS = IdCount.MAX;

    /**
     * Reads how the caller stands toward each user asked about.
     *
     * @param query the caller and the ids
     * @return one relationship per existing user, in request order
     */
    List<Relationship> listRelationships(ListRelationshipsQuery query);
}

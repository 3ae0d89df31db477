package com.pagenow.userapi.application.port.in;

import com.pagenow.userapi.application.readmodel.Relationship;

import java.util.List;

/**
 * How the caller stands toward each of the users asked about, in one query: one answer per id that exists, in
 * request order, unknown ids skipped. The caller's own id answers status none.
 */
public interface ListRelationshipsUseCase {

    int MAX_IDS = 100;

    List<Relationship> listRelationships(ListRelationshipsQuery query);
}
